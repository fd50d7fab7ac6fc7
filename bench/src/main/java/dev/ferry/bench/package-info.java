/** JMH benchmarks of the terminal engine and codecs; the end-to-end load harness lives beside them. */
package dev.ferry.bench;
