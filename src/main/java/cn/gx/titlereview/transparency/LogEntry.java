package cn.gx.titlereview.transparency;

import java.time.Instant;

/** A leaf of the log as stored: its index, kind, session and time, its text and its hash (hex). */
public record LogEntry(long index, String kind, String sessionCode, Instant sealedAt, String leaf, String leafHash) {
}
