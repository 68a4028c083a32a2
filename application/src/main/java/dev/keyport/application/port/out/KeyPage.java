package dev.keyport.application.port.out;

import dev.keyport.domain.KeyView;
import java.util.List;

/** One page of keys and the number of keys that match the query in all. */
public record KeyPage(List<KeyView> keys, long total) {

    public KeyPage {
        keys = List.copyOf(keys);
    }
}
