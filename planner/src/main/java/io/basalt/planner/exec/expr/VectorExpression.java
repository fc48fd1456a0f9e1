package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.QueryContext;

/**
 * A scalar expression compiled for Basalt's engine: computes one value per row of a batch, a
 * whole column at a time. The result's kind (and DECIMAL scale) is fixed by the expression's SQL
 * type; BOOLEAN results are LONG columns of 0 and 1.
 */
public interface VectorExpression {
  Column evaluate(Batch input, QueryContext context);
}
