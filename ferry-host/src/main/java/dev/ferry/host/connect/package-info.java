/** {@code ferry connect}: a new shell on a device, joined at once. */
package dev.ferry.host.connect;
