package cn.gx.titlereview.calendar;

import java.time.LocalDate;
import java.util.List;

/** One year's State Council notice: the statutory holidays and the make-up working days (调休上班). */
public record YearNotice(int year, String source, List<LocalDate> holidays, List<LocalDate> workdays) {
}
