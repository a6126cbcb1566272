package org.lernstadt.catalogue.enrolment.service;

import org.lernstadt.catalogue.enrolment.mapping.EnrolmentView;

/**
 * The outcome of an enrolment request.
 *
 * @param created false if the citizen already had an active enrolment, which is returned unchanged
 */
public record EnrolmentResult(EnrolmentView enrolment, boolean created) {}
