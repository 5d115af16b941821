/**
 * JMH benchmarks for the gateway's hot paths, each beside its comparison row where the issue asks for one. Figures are
 * collected in docs/PERFORMANCE.md.
 */
package org.pstngw.bench;
