package io.basalt.planner.ddl;

import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.AvaticaParameter;

/**
 * A statement prepared for execution: the parameters it expects (in order) and the work that,
 * given the execution's data context (parameter values, cancel flag), returns the row count.
 */
public record StatementWork(List<AvaticaParameter> parameters, ToLongFunction<DataContext> run) {
  public StatementWork {
    parameters = List.copyOf(parameters);
  }
}
