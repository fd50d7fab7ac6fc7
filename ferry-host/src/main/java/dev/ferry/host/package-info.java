/** The host side: sharing a PTY through the relay, the device agent, and the join client. */
package dev.ferry.host;
