package de.efa.registry.query.web;

import java.util.List;

/**
 * One page of a list, as every list of the API answers: the items of the page, which page of which size, and how many
 * items the whole list holds. Generic, so that the API document names each list's item type.
 */
public record Page<T>(List<T> items, int page, int size, int total) {
}
