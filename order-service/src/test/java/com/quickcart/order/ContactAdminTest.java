package com.quickcart.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import com.quickcart.testsupport.TelegramUpdates;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Contact admin: a customer's message reaches the admins and their reply comes back to the right customer. */
class ContactAdminTest extends StorefrontContext {

    @Test
    void aMessageToTheAdminsComesBackAsTheirReply() {
        User user = onboarded("en");
        user.taps("contact");
        assertThat(user.screen().text()).contains("Send your message");

        user.says("Where is my Netflix account?");
        assertThat(user.screen().text()).contains("Sent to the admins");

        Reply forwarded = driver.repliesTo(ADMIN).stream()
                .filter(r -> r.text().contains("Where is my Netflix account?")).findFirst().orElseThrow();
        assertThat(forwarded.text()).contains("id " + user.id).containsPattern("#T\\d+");

        driver.newUser("id").sendsUpdateAs(ADMIN, adminRepliesTo(forwarded, "It was sent, check your inbox"));

        assertThat(user.expect(r -> r.text().contains("Answer from the store")).method()).isEqualToIgnoringCase("sendMessage");
        Reply copy = user.expect(r -> r.method().equalsIgnoreCase("copyMessage"));
        assertThat(copy.body().path("from_chat_id").asText()).isEqualTo(Long.toString(ADMIN));
    }

    @Test
    void aCustomerWhoseNameLooksLikeAThreadTagStillGetsTheirOwnAnswer() {
        User first = onboarded("en");
        first.taps("contact");
        first.screen();
        first.says("first question");
        first.screen();
        // The second customer calls themselves after the first one's thread, hoping to read its answer.
        Reply firstForwarded = driver.repliesTo(ADMIN).stream().filter(r -> r.text().contains("first question")).findFirst().orElseThrow();
        String firstThread = firstForwarded.text().replaceAll("(?s).*(#T\\d+).*", "$1");
        User impostor = driver.newUser("en");
        ObjectNode start = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), impostor.id, "/start", "en");
        start.with("message").with("from").put("first_name", firstThread);
        impostor.sendsUpdate(start);
        impostor.screen();
        impostor.taps("contact");
        impostor.expect(r -> r.text().contains("Send your message"));
        ObjectNode question = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), impostor.id, "second question", "en");
        question.with("message").with("from").put("first_name", firstThread);
        impostor.sendsUpdate(question);
        impostor.expect(r -> r.text().contains("Sent to the admins"));
        Reply impostorForwarded = driver.repliesTo(ADMIN).stream().filter(r -> r.text().contains("second question")).findFirst().orElseThrow();
        assertThat(impostorForwarded.text()).startsWith("\uD83D\uDCE9 Dari " + firstThread);

        driver.newUser("id").sendsUpdateAs(ADMIN, adminRepliesTo(impostorForwarded, "answer for the second customer"));

        impostor.expect(r -> r.text().contains("Answer from the store"));
        assertThat(first.replies()).noneMatch(r -> r.text().contains("Answer from the store") || r.method().equalsIgnoreCase("copyMessage"));
    }

    @Test
    void anAdminReplyToAMessageWithoutTheBotsReplyButtonIsNotRelayed() {
        User user = onboarded("en");
        user.taps("contact");
        user.screen();
        user.says("a question");
        user.screen();
        Reply forwarded = driver.repliesTo(ADMIN).stream().filter(r -> r.text().contains("a question")).findFirst().orElseThrow();
        ObjectNode reply = adminRepliesTo(forwarded, "routed by text?");
        // The same text, tag included, but no button: e.g. the admin quoting it in their own message.
        reply.with("message").with("reply_to_message").remove("reply_markup");
        long before = driver.repliesTo(ADMIN).size();
        driver.newUser("id").sendsUpdateAs(ADMIN, reply);
        // The admin gets the storefront's hint instead, and the customer hears nothing.
        await().atMost(Duration.ofSeconds(20)).until(() -> driver.repliesTo(ADMIN).size() > before);
        assertThat(user.replies()).noneMatch(r -> r.text().contains("Answer from the store"));
    }

    @Test
    void anAdminTapsReplyAndTheirNextMessageReachesTheCustomer() {
        User user = onboarded("en");
        user.taps("contact");
        user.screen();
        user.says("can you help?");
        user.screen();
        Reply forwarded = driver.repliesTo(ADMIN).stream().filter(r -> r.text().contains("can you help?")).findFirst().orElseThrow();
        String replyButton = forwarded.callbackData().stream().filter(d -> d.startsWith("sr:")).findFirst().orElseThrow();

        driver.newUser("id").sendsUpdateAs(ADMIN, TelegramUpdates.callback(TelegramUpdates.nextUpdateId(), ADMIN, 777, replyButton));
        await().atMost(Duration.ofSeconds(20)).until(() -> driver.repliesTo(ADMIN).stream().anyMatch(r -> r.text().contains("Ketik jawaban")));
        driver.newUser("id").sendsUpdateAs(ADMIN, TelegramUpdates.text(TelegramUpdates.nextUpdateId(), ADMIN, "yes, here you go", "id"));

        assertThat(user.expect(r -> r.text().contains("Answer from the store")).method()).isEqualToIgnoringCase("sendMessage");
        assertThat(user.expect(r -> r.method().equalsIgnoreCase("copyMessage")).body().path("from_chat_id").asText())
                .isEqualTo(Long.toString(ADMIN));
    }

    @Test
    void aCustomerTappingAnAdminsReplyButtonGetsNothing() {
        User user = onboarded("en");
        user.taps("sr:1");
        assertThat(user.answerToLastTap()).isNotEmpty();
        assertThat(user.replies()).noneMatch(r -> r.text().contains("Type your answer"));
    }

    /** The admin's reply as Telegram delivers it: reply_to_message is the bot's message, buttons included. */
    private static ObjectNode adminRepliesTo(Reply forwarded, String text) {
        ObjectNode adminReply = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), ADMIN, text, "id");
        ObjectNode original = adminReply.with("message").putObject("reply_to_message");
        original.put("message_id", 9).put("date", 1).put("text", forwarded.text());
        original.putObject("chat").put("id", ADMIN).put("type", "private");
        original.putObject("from").put("id", 4242).put("is_bot", true).put("first_name", "Bot");
        original.set("reply_markup", forwarded.body().path("reply_markup").deepCopy());
        return adminReply;
    }

    @Test
    void aPhotoForTheAdminsIsCopiedWithTheSendersDetailsInItsCaption() {
        User user = onboarded("en");
        user.taps("contact");
        user.screen();
        ObjectNode photo = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), user.id, "x", "en");
        photo.with("message").remove("text");
        photo.with("message").remove("entities");
        photo.with("message").putArray("photo").addObject().put("file_id", "AgACphoto").put("file_unique_id", "u1")
                .put("width", 90).put("height", 90);
        photo.with("message").put("caption", "screenshot of the error");

        user.sendsUpdate(photo);

        assertThat(user.screen().text()).contains("Sent to the admins");
        Reply copy = driver.repliesTo(ADMIN).stream().filter(r -> r.method().equalsIgnoreCase("copyMessage")
                && r.text().contains("screenshot of the error")).findFirst().orElseThrow();
        assertThat(copy.body().path("from_chat_id").asText()).isEqualTo(Long.toString(user.id));
        assertThat(copy.text()).contains("id " + user.id);
    }
}
