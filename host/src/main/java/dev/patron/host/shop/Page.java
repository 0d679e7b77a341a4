package dev.patron.host.shop;

import java.util.List;

/** One page of a list and the size of the whole list. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public long pages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
