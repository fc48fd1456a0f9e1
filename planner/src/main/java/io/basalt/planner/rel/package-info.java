/** The native table scan, the rules that push projections and filters into it, and its statistics. */
package io.basalt.planner.rel;
