package cn.gx.titlereview.oversight;

import cn.gx.titlereview.platform.document.Workbooks;
import java.util.List;

/**
 * A committee's file or an annual report, independent of its format: the page, the PDF, the .docx and the .xlsx are
 * written from the same parts, so that they cannot say different things. A cell may be a {@link Link} to the
 * session or committee a figure comes from: the page shows it as a link, the files as its text.
 */
public record OversightDocument(String title, List<String> subtitle, List<Part> parts) {

  /** One heading with its paragraphs and tables. */
  public record Part(String heading, List<String> paragraphs, List<Workbooks.Table> tables) {
  }

  /** A cell that links to where its figure comes from. */
  public record Link(String text, String href) {

    @Override
    public String toString() {
      return text;
    }
  }

  /** A cell as a page shows it: its text, where it links (or null), and whether it is a number (set right). */
  public record Cell(String text, String href, boolean number) {
  }

  /** The table's rows as cells, for the page and the PDF. */
  public List<List<Cell>> cells(Workbooks.Table table) {
    return table.rows().stream().map(row -> row.stream().map(value -> new Cell(value == null ? "" : value.toString(),
        value instanceof Link link ? link.href() : null, value instanceof Number)).toList()).toList();
  }

  /** Every table of the document, for the .xlsx (sheet names are unique and at most 31 characters). */
  Workbooks.Table[] tables() {
    return parts.stream().flatMap(p -> p.tables().stream()).toArray(Workbooks.Table[]::new);
  }
}
