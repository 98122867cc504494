package cn.gx.titlereview.platform.importing;

/** The answer to an upload that adds to what is recorded: how many rows it recorded. */
public record Recorded(int recorded) {
}
