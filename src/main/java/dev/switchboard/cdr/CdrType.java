package dev.switchboard.cdr;

public enum CdrType { VOICE, SMS }
