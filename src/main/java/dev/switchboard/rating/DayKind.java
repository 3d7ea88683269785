package dev.switchboard.rating;

/** What kind of day a local date is for time bands: holidays (from the plan's calendar) win over weekends. */
public enum DayKind { WEEKDAY, WEEKEND, HOLIDAY }
