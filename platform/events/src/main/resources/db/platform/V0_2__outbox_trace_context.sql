-- The trace context (W3C traceparent/tracestate, as the propagators write them) of the request
-- that wrote the event, so the relay publishes it as part of that request's trace. Null when the
-- writer was not traced.
alter table outbox_event add column trace_context jsonb;
