package com.quickcart.common.goods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.events.delivery.SealedGoods;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What people type travels sealed on telegram.updates: ingress replaces the {@code text} and
 * {@code caption} of each message in an update (the message, an edited message, the message it
 * replies to, a quote) by {@code quickcart_sealed_text} / {@code quickcart_sealed_caption}, sealed
 * for order-service's update-transit key with the same seal as the goods (X25519, HKDF-SHA256,
 * AES-256-GCM), bound to the event id and the field's place; order-service puts them back before
 * it reads the update. An operator's pasted goods, a customer's e-mail or support message are
 * thus never on the topic, its dead letters or a dump in clear. See docs/adr/0022.
 */
public final class UpdateText {

    static final String SEALED_PREFIX = "quickcart_sealed_";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("text", "caption");
    private static final List<String> MESSAGES = List.of("message", "edited_message");

    /** Seals the text fields of {@code update} in place; returns how many were sealed. */
    public static int seal(ObjectNode update, GoodsSealer sealer, UUID eventId) {
        int sealed = 0;
        for (Place place : places(update)) {
            for (String field : FIELDS) {
                JsonNode value = place.node().get(field);
                if (value != null && value.isTextual()) {
                    SealedGoods seal = sealer.seal(List.of(value.asText()), place.path() + "." + field, eventId);
                    place.node().remove(field);
                    place.node().set(SEALED_PREFIX + field, JSON.valueToTree(seal));
                    sealed++;
                }
            }
        }
        return sealed;
    }

    /**
     * Opens the sealed text fields of {@code update} in place; fields that came in clear (an update
     * published without ingress, as tests do) are left as they are.
     *
     * @throws GoodsOpener.Refused when a sealed field does not open (wrong key, altered, moved)
     */
    public static void open(ObjectNode update, GoodsOpener opener, UUID eventId) {
        for (Place place : places(update)) {
            for (String field : FIELDS) {
                JsonNode sealed = place.node().get(SEALED_PREFIX + field);
                if (sealed == null || !sealed.isObject()) {
                    continue;
                }
                SealedGoods seal;
                try {
                    seal = JSON.treeToValue(sealed, SealedGoods.class);
                } catch (Exception e) {
                    throw new GoodsOpener.Refused("sealed " + place.path() + "." + field + " is malformed");
                }
                List<String> opened = opener.open(seal, place.path() + "." + field, eventId);
                place.node().remove(SEALED_PREFIX + field);
                place.node().put(field, opened.isEmpty() ? "" : opened.getFirst());
            }
        }
    }

    private record Place(String path, ObjectNode node) {
    }

    /** The message objects of an update that can hold typed text, with a name for each place. */
    private static List<Place> places(ObjectNode update) {
        List<Place> places = new ArrayList<>();
        for (String kind : MESSAGES) {
            if (update.get(kind) instanceof ObjectNode message) {
                places.add(new Place(kind, message));
                if (message.get("reply_to_message") instanceof ObjectNode reply) {
                    places.add(new Place(kind + ".reply_to_message", reply));
                }
                if (message.get("quote") instanceof ObjectNode quote) {
                    places.add(new Place(kind + ".quote", quote));
                }
            }
        }
        return places;
    }

    private UpdateText() {
    }
}
