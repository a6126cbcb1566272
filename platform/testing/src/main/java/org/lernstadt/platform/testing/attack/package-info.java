/**
 * Security tests every service runs the same way, against its running application.
 *
 * <ul>
 *   <li>{@link org.lernstadt.platform.testing.attack.AuthorizationMatrix}: a Markdown table in the
 *       service's test resources ({@code authorization-matrix.md}), endpoint × {@link
 *       org.lernstadt.platform.testing.attack.Role}, checked cell by cell with real tokens and kept
 *       complete against the service's OpenAPI document. The test supplies {@link
 *       org.lernstadt.platform.testing.attack.PathParams} naming its fixtures.
 *   <li>{@link org.lernstadt.platform.testing.attack.ForgedTokensContract}: altered, unsigned,
 *       foreign-key, expired and other-audience tokens are 401; a test extends it.
 *   <li>{@link org.lernstadt.platform.testing.attack.BadInputRun} with {@link
 *       org.lernstadt.platform.testing.attack.BadInput}: seeded bad bodies for every JSON write
 *       endpoint, sent with the token of the first role the matrix allows; {@link
 *       org.lernstadt.platform.testing.attack.DatabaseSnapshot} proves refused ones changed no
 *       table.
 * </ul>
 */
package org.lernstadt.platform.testing.attack;
