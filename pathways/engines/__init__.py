"""Pure computations over domain values: pathway validation, routes, wages per step, next
steps and skill gaps. No session, no Flask: the services gather the facts and call these."""
