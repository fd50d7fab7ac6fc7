/** The relay: the hub (sessions, fan-out) and its transport adapters (ssh, web, tmate), store, recording, audit. */
package dev.ferry.relay;
