package cn.gx.titlereview.transparency;

/**
 * Where a stage seals a fact: one leaf in the region's transparency log, appended in the caller's transaction, so
 * that the fact and its leaf are kept or rolled back together.
 */
public interface SealedFacts {

  /** Appends the fact's leaf; its index in the log. */
  long seal(SealedFact fact);
}
