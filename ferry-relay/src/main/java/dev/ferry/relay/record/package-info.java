/**
 * Recording and audit: a {@link dev.ferry.relay.record.SessionRecorder} per session (an observer of
 * the hub's session with its own queue and thread) writes the asciicast file and the audit rows;
 * {@link dev.ferry.relay.record.RecordingService} makes them, flushes them on a schedule, repairs
 * what a crashed relay left behind and applies retention.
 */
package dev.ferry.relay.record;
