/** Ferry's wire frames, link and token formats, and the asciicast writer and reader. Knows nothing of servers. */
package dev.ferry.protocol;
