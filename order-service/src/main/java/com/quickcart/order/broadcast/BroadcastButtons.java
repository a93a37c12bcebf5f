package com.quickcart.order.broadcast;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** Composing a broadcast and steering one under way; every one carries the broadcast's id. */
public final class BroadcastButtons {

    @ButtonData("bc")
    public record NewBroadcast() implements Button {
    }

    @ButtonData("bc:link:{broadcastId}")
    public record AddLink(long broadcastId) implements Button {
    }

    @ButtonData("bc:aud:{broadcastId}")
    public record ChooseAudience(long broadcastId) implements Button {
    }

    @ButtonData("bc:to:{broadcastId}:{audience}:{param}")
    public record PickAudience(long broadcastId, Audience audience, long param) implements Button {
    }

    @ButtonData("bc:cat:{broadcastId}")
    public record PickCategory(long broadcastId) implements Button {
    }

    @ButtonData("bc:prod:{broadcastId}:{page}")
    public record PickProduct(long broadcastId, int page) implements Button {
    }

    @ButtonData("bc:go:{broadcastId}")
    public record Confirm(long broadcastId) implements Button {
    }

    @ButtonData("bc:drop:{broadcastId}")
    public record Discard(long broadcastId) implements Button {
    }

    @ButtonData("bc:pause:{broadcastId}")
    public record Pause(long broadcastId) implements Button {
    }

    @ButtonData("bc:resume:{broadcastId}")
    public record Resume(long broadcastId) implements Button {
    }

    @ButtonData("bc:cancel:{broadcastId}")
    public record Cancel(long broadcastId) implements Button {
    }

    private BroadcastButtons() {
    }
}
