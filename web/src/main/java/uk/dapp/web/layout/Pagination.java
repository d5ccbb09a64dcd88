package uk.dapp.web.layout;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A GOV.UK pagination block ({@code components :: pagination(pagination)}) for a list the API
 * pages (zero-based {@code page}); each link is the current address with another {@code page}, so
 * a list's filters stay as they were. Pages far from the current one are an ellipsis.
 */
public record Pagination(String previous, String next, List<Item> items) {

    /** A page number link, or an ellipsis when {@code href} is null. */
    public record Item(int number, String href, boolean current) {}

    public static Pagination of(int page, int totalPages) {
        if (totalPages <= 1) {
            return new Pagination(null, null, List.of());
        }
        List<Item> items = new ArrayList<>();
        boolean gap = false;
        for (int p = 0; p < totalPages; p++) {
            if (p == 0 || p == totalPages - 1 || Math.abs(p - page) <= 1) {
                items.add(new Item(p + 1, href(p), p == page));
                gap = false;
            } else if (!gap) {
                items.add(new Item(0, null, false));
                gap = true;
            }
        }
        return new Pagination(
                page > 0 ? href(page - 1) : null, page < totalPages - 1 ? href(page + 1) : null, List.copyOf(items));
    }

    public boolean shown() {
        return !items.isEmpty();
    }

    private static String href(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }
}
