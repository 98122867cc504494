package cn.gx.titlereview.draw;

import java.util.List;

/**
 * Drawn experts who are now called to serve and must be told so: the members when the draw is made, a reserve when a
 * decline promotes him. Published inside the transaction that calls them; the notice follows its commit.
 */
public record ExpertsCalled(long sessionId, List<Long> expertIds) {
}
