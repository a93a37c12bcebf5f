package com.quickcart.common.events.order;

/**
 * What every recipient of a broadcast receives: {@code text} in Telegram's HTML formatting (the
 * caption when {@code photoFileId} is set), and an optional URL button. order-service has checked
 * it before it leaves; the notifier sends it as it is.
 */
public record BroadcastContent(String text, String photoFileId, String buttonLabel, String buttonUrl) {

    public boolean hasPhoto() {
        return photoFileId != null && !photoFileId.isBlank();
    }

    public boolean hasButton() {
        return buttonUrl != null && !buttonUrl.isBlank() && buttonLabel != null && !buttonLabel.isBlank();
    }
}
