/** Basalt's hooks into Calcite's statement preparation: program, rules, validator, errors, embedded driver. */
package io.basalt.planner.prepare;
