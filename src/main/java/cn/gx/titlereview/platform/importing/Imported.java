package cn.gx.titlereview.platform.importing;

/** The answer to an import that replaces a list: how many rows it holds now. */
public record Imported(int imported) {
}
