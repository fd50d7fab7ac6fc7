package dev.ferry.relay.hub;

/** What a source asks for when it opens a session. */
public record SessionSpec(String command, boolean readOnly, int cols, int rows, String hostAddress, ResizePolicy resizePolicy) {}
