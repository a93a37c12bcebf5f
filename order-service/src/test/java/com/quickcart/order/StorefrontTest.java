package com.quickcart.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import com.quickcart.testsupport.TelegramUpdates;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

class StorefrontTest extends StorefrontContext {

    // --- onboarding -------------------------------------------------------------------------------

    @Test
    void aNewUserGetsTheStickerThenNameWhatsappAndEmailOneAtATime() {
        User budi = driver.newUser("en");

        budi.says("/start");
        assertThat(budi.expect(r -> r.method().equalsIgnoreCase("sendSticker")).body().path("sticker").asText())
                .isEqualTo("CAACAgIAAxkBAAEwelcome");
        assertThat(budi.screen().text()).contains("What should we call you");
        budi.says("Budi Santoso");
        assertThat(budi.screen().text()).contains("WhatsApp");
        budi.says("0812-3456-7890");
        assertThat(budi.screen().text()).contains("email");
        budi.says("Budi@Example.com");

        Reply welcome = budi.screen();
        assertThat(welcome.text()).contains("Hi Budi Santoso, welcome to Toko Uji", "Tell a friend: https://t.me/TokoUjiBot");
        assertThat(welcome.buttonTexts()).contains("🛍 Products", "👤 Account", "💬 Contact admin", "❓ Help");
        assertThat(budi.screen().callbackData()).contains("cats", "acc", "contact", "help");

        budi.taps("acc");
        assertThat(budi.screen().text()).contains("Budi Santoso", "+6281234567890", "budi@example.com", "Customer", "Rp 0");
    }

    @Test
    void everyOnboardingStepCanBeSkippedByButtonOrCommand() {
        User anon = driver.newUser("en");

        anon.says("/start");
        anon.screen();
        anon.taps("skip");
        assertThat(anon.screen().text()).contains("WhatsApp");
        anon.says("/skip");
        assertThat(anon.screen().text()).contains("email");
        anon.taps("skip");
        assertThat(anon.screen().text()).contains("Hi Anonymous");
        assertThat(anon.screen().text()).contains("main menu");

        anon.taps("acc");
        assertThat(anon.screen().text()).contains("Name: Anonymous", "WhatsApp: —", "Email: —");
    }

    @Test
    void aBadValueGetsAClearRepromptNotAnError() {
        User user = driver.newUser("en");
        user.says("/start");
        user.screen();

        user.says("x".repeat(65));
        assertThat(user.screen().text()).contains("A name is 1 to 64 characters", "What should we call you");
        user.says("Sari");
        user.screen();
        user.says("12345");
        assertThat(user.screen().text()).contains("not an Indonesian mobile number");
        user.says("+62 812 1111 2222");
        user.screen();
        user.says("sari@");
        assertThat(user.screen().text()).contains("does not look like an email address");
        user.says("sari@example.co.id");
        assertThat(user.screen().text()).contains("welcome");
    }

    @Test
    void aReturningUserGoesStraightToTheMenu() {
        User user = onboarded("en");

        user.says("/start");

        assertThat(user.screen().text()).contains("welcome to Toko Uji");
        assertThat(user.screen().text()).contains("main menu");
        assertThat(user.replies()).filteredOn(r -> r.method().equalsIgnoreCase("sendSticker")).hasSize(1);
    }

    // --- flexible navigation ----------------------------------------------------------------------

    @Test
    void tappingProductsMidOnboardingWorksAndTheNextTextIsNotTakenAsAName() {
        User user = driver.newUser("en");
        user.says("/start");
        user.screen();

        user.taps("cats");
        assertThat(user.screen().text()).contains("Choose a category");
        user.says("Budi");

        assertThat(user.screen().text()).contains("did not understand");
        user.taps("acc");
        assertThat(user.screen().text()).contains("Name: Anonymous");
    }

    @Test
    void leavingAProductMidQuantityAndTappingItsOldButtonLaterStillWorks() {
        User user = onboarded("en");
        user.taps("p:1:q:1");
        assertThat(user.screen().callbackData()).contains("p:1:q:2", "p:1:q:3", "p:1:q:5", "buy:1:1");

        user.taps("acc");
        user.screen();
        user.taps("p:1:q:3");

        Reply product = user.screen();
        assertThat(product.isEdit()).isTrue();
        assertThat(product.text()).contains("Netflix Premium", "Quantity: 3", "Rp 135.000");
        assertThat(product.callbackData()).contains("p:1:q:2", "p:1:q:4", "p:1:q:5", "buy:1:3");
    }

    @Test
    void quantityStaysWithinOneAndTheStock() {
        User user = onboarded("en");

        user.taps("p:2:q:99");
        Reply atMost = user.screen();
        assertThat(atMost.text()).contains("Quantity: 5");
        assertThat(atMost.callbackData()).doesNotContain("p:2:q:6").contains("p:2:q:4", "buy:2:5");

        user.taps("p:2:q:0");
        assertThat(user.screen().text()).contains("Quantity: 1");
    }

    @Test
    void aStaleButtonForAProductThatIsGoneAnswersPolitely() {
        User user = onboarded("en");

        user.taps("p:987654:q:2");

        assertThat(user.answerToLastTap()).isEqualTo("That product is no longer available.");
        assertThat(user.screen().text()).contains("Choose a category");
    }

    @Test
    void buyingMoreThanIsLeftAdjustsTheQuantityAndSaysSo() {
        User user = onboarded("en");

        user.taps("buy:3:9");

        assertThat(user.answerToLastTap()).isEqualTo("Only 5 left: quantity adjusted.");
        assertThat(user.screen().text()).contains("Quantity: 5");
    }

    @Test
    void buyOpensTheSummaryWithUnitPriceSubtotalAndTotal() {
        User user = onboarded("en");

        user.taps("buy:4:2");

        assertThat(user.screen().text()).contains("Order summary", "Steam Wallet", "Quantity: 2", "Unit price: Rp 62.000",
                "Subtotal: Rp 124.000", "Total: Rp 124.000");
    }

    @Test
    void unknownButtonDataAnswersWithTheMenu() {
        User user = onboarded("en");

        user.taps("x:y:z");

        assertThat(user.answerToLastTap()).contains("no longer valid");
        assertThat(user.screen().text()).contains("main menu");
    }

    @Test
    void everyTapIsAnsweredExactlyOnce() {
        User user = onboarded("en");

        user.taps("cats");
        user.screen();
        assertThat(user.answerToLastTap()).isEmpty();
        user.taps("p:404404:q:1");
        user.screen();
        assertThat(user.answerToLastTap()).isNotEmpty();
        user.taps("help");
        user.screen();
        user.answerToLastTap();
        user.says("/menu");
        user.screen();

        assertThat(user.answersToLastTap()).hasSize(1);
        assertThat(user.replies()).filteredOn(r -> r.method().equalsIgnoreCase("answerCallbackQuery"))
                .extracting(r -> r.body().path("callback_query_id").asText()).doesNotHaveDuplicates();
    }

    // --- catalogue --------------------------------------------------------------------------------

    @Test
    void allProductsArePagedTenAtATimeWithArrowsOnlyWhereThereIsAPage() {
        User user = onboarded("en");

        user.taps("all:0");
        Reply first = user.screen();
        assertThat(first.callbackData()).contains("all:1", "noop").doesNotContain("all:-1");
        assertThat(first.buttonTexts()).contains("1/2", "▶").doesNotContain("◀");
        assertThat(first.text()).contains("1. Netflix", "10. ChatGPT").doesNotContain("11. NordVPN");

        user.taps("all:1");
        Reply last = user.screen();
        assertThat(last.buttonTexts()).contains("◀", "2/2").doesNotContain("▶");
        assertThat(last.text()).contains("11. NordVPN").doesNotContain("1. Netflix");

        user.taps("all:42");
        assertThat(user.screen().buttonTexts()).contains("2/2");
    }

    @Test
    void anEmptyCategorySaysSoAndOffersAWayBack() {
        long empty = jdbc.sql("INSERT INTO categories (name, sort_order) VALUES ('Coming soon', 99) RETURNING id").query(Long.class).single();
        User user = onboarded("en");

        user.taps("c:" + empty + ":0");

        Reply screen = user.screen();
        assertThat(screen.text()).contains("Coming soon", "No products here yet");
        assertThat(screen.callbackData()).contains("cats", "m").noneMatch(d -> d.startsWith("c:" + empty + ":"));
    }

    @Test
    void typingAProductNumberOpensItAndAnUnknownNumberSaysSo() {
        User user = onboarded("en");

        user.says("7");
        assertThat(user.screen().text()).contains("7. Windows 11 Pro Key", "Rp 150.000");

        user.says("#4040");
        assertThat(user.screen().text()).contains("no product number 4040");
    }

    @Test
    void aResellerSeesTheResellerPrice() {
        User user = onboarded("en");
        jdbc.sql("UPDATE users SET role = 'reseller' WHERE telegram_id = :id").param("id", user.id).update();

        user.taps("p:1:q:2");

        assertThat(user.screen().text()).contains("Reseller price: Rp 40.000", "subtotal Rp 80.000");
    }

    @Test
    void aSoldOutProductHasNoBuyButton() {
        long soldOut = jdbc.sql("INSERT INTO products (category_id, name, price) VALUES (1, 'Disney+ 1 Month', 30000) RETURNING id")
                .query(Long.class).single();
        jdbc.sql("INSERT INTO product_stock (product_id, available) VALUES (:id, 0)").param("id", soldOut).update();
        User user = onboarded("en");

        user.taps("p:" + soldOut + ":q:1");

        Reply screen = user.screen();
        assertThat(screen.text()).contains("Sold out for now");
        assertThat(screen.callbackData()).noneMatch(d -> d.startsWith("buy:"));
    }

    @Test
    void stockHelpAndOrderCommandsAnswerWithTheirGuides() {
        User user = onboarded("en");

        user.says("/stock");
        assertThat(user.screen().text()).contains("Stock", "1. Netflix Premium 1 Month: 5");
        user.says("/help");
        assertThat(user.screen().text()).contains("https://docs.toko-uji.example/guide", "@quickcart_support");
        user.says("/order");
        assertThat(user.screen().text()).contains("How ordering works");
    }

    @Test
    void theReplyKeyboardLabelsWorkAsTypedText() {
        User user = onboarded("id");

        user.says("🛍 Produk");

        assertThat(user.screen().text()).contains("Pilih kategori");
    }

    // --- account and languages --------------------------------------------------------------------

    @Test
    void aProfileFieldIsEditedWithTheSameValidation() {
        User user = onboarded("en");
        user.taps("acc:e:whatsapp");
        assertThat(user.screen().text()).contains("Send your WhatsApp number");

        user.says("0000");
        assertThat(user.screen().text()).contains("not an Indonesian mobile number");
        user.says("628577788899");

        assertThat(user.screen().text()).contains("Saved", "+628577788899");
    }

    @Test
    void anIndonesianClientIsServedInIndonesianAndCanSwitchToEnglish() {
        User user = driver.newUser("id");
        user.says("/start");
        assertThat(user.screen().text()).contains("Boleh tahu nama Anda");
        user.taps("skip");
        user.taps("skip");
        user.taps("skip");
        assertThat(user.screen().text()).isNotEmpty();
        user.taps("acc");
        Reply account = user.expect(r -> r.text().contains("Akun Anda"));
        assertThat(account.callbackData()).contains("lang:en");

        user.taps("lang:en");
        assertThat(user.expect(r -> r.text().contains("Your account")).text()).contains("Language: English");
        user.taps("cats");
        assertThat(user.screen().text()).contains("Choose a category");
    }

    // --- contact admin ----------------------------------------------------------------------------

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

    /** A user who has been through onboarding (all skipped), with the screens so far consumed. */
    private User onboarded(String languageCode) {
        User user = driver.newUser(languageCode);
        user.says("/start");
        user.screen();
        user.taps("skip");
        user.screen();
        user.taps("skip");
        user.screen();
        user.taps("skip");
        user.screen();
        user.screen();
        return user;
    }
}
