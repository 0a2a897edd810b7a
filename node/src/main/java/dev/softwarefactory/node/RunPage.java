package dev.softwarefactory.node;

import java.util.List;

/** One page of a listing of runs, newest first, and how many runs the listing has in all. */
public record RunPage(int total, int offset, int limit, List<RunItem> runs) {
}
