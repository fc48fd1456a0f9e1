/** Vectorized hash joins: one build side per execution, shared by every probe partition. */
package io.basalt.planner.exec.join;
