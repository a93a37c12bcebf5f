package com.quickcart.order.broadcast;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BroadcastDraftTest {

    @Test
    void telegramsOwnTagsNestedAndClosedPass() {
        assertThat(BroadcastDraft.checkMessage("<b>Sale</b> on <i>Steam <u>wallets</u></i> &amp; <a href=\"https://x.example/a?b=1\">more</a>"
                + " <span class=\"tg-spoiler\">soon</span> <code>CODE</code> &lt;3 &#128512;", false)).isEmpty();
    }

    @Test
    void anUnknownTagAnUnclosedOneAndCrossedNestingAreRefusedWithTheTagNamed() {
        assertThat(problem("<marquee>hi</marquee>")).contains(new TelegramHtml.Problem("broadcast.html.tag", "marquee"));
        assertThat(problem("<b>hi")).contains(new TelegramHtml.Problem("broadcast.html.unclosed", "b"));
        assertThat(problem("<b><i>hi</b></i>")).contains(new TelegramHtml.Problem("broadcast.html.nesting", "b"));
        assertThat(problem("hi</b>")).contains(new TelegramHtml.Problem("broadcast.html.nesting", "b"));
    }

    @Test
    void aStrayAngleBracketOrAmpersandIsRefusedBecauseTelegramCannotParseIt() {
        assertThat(problem("2 < 3")).map(TelegramHtml.Problem::key).contains("broadcast.html.stray");
        assertThat(problem("Tom & Jerry")).map(TelegramHtml.Problem::key).contains("broadcast.html.stray");
        assertThat(problem("a > b")).map(TelegramHtml.Problem::key).contains("broadcast.html.stray");
    }

    @Test
    void aLinkMustPointToHttpOrTelegramAndOtherAttributesAreRefused() {
        assertThat(problem("<a href=\"javascript:alert(1)\">x</a>")).map(TelegramHtml.Problem::key).contains("broadcast.html.href");
        assertThat(problem("<a>x</a>")).map(TelegramHtml.Problem::key).contains("broadcast.html.href");
        assertThat(problem("<b onclick=\"x\">x</b>")).map(TelegramHtml.Problem::key).contains("broadcast.html.attribute");
    }

    @Test
    void lengthIsCountedAsTheReaderSeesItTagsAndEntitiesExcluded() {
        String text = "<b>" + "a".repeat(4000) + "</b>" + "&amp;".repeat(96);
        assertThat(TelegramHtml.visibleLength(text)).isEqualTo(4096);
        assertThat(BroadcastDraft.checkMessage(text, false)).isEmpty();
        assertThat(BroadcastDraft.checkMessage(text + "x", false)).map(TelegramHtml.Problem::key).contains("broadcast.message.long");
        assertThat(BroadcastDraft.checkMessage("a".repeat(1025), true)).map(TelegramHtml.Problem::detail).contains("1024");
    }

    @Test
    void aPhotoMayGoWithoutCaptionButATextMessageMayNotBeEmpty() {
        assertThat(BroadcastDraft.checkMessage(null, true)).isEmpty();
        assertThat(BroadcastDraft.checkMessage("  ", false)).map(TelegramHtml.Problem::key).contains("broadcast.message.empty");
    }

    @Test
    void aUrlButtonIsALabelABarAndAnHttpsAddress() {
        assertThat(BroadcastDraft.parseLink("Shop now | https://shop.example/sale?x=1"))
                .contains(new BroadcastDraft.Link("Shop now", "https://shop.example/sale?x=1"));
        assertThat(BroadcastDraft.parseLink("Shop | http://shop.example")).isEmpty();
        assertThat(BroadcastDraft.parseLink("https://shop.example")).isEmpty();
        assertThat(BroadcastDraft.parseLink(" | https://shop.example")).isEmpty();
        assertThat(BroadcastDraft.parseLink("x".repeat(41) + " | https://shop.example")).isEmpty();
        assertThat(BroadcastDraft.parseLink("Shop | https://localhost/x")).isEmpty();
        assertThat(BroadcastDraft.parseLink("Shop | https://shop.example/a b")).isEmpty();
    }

    @Test
    void progressTimeLeftReadsAsMinutesAndSeconds() {
        assertThat(BroadcastScreens.duration(65)).isEqualTo("1:05");
        assertThat(BroadcastScreens.duration(4000)).isEqualTo("1:06:40");
    }

    private static Optional<TelegramHtml.Problem> problem(String html) {
        return BroadcastDraft.checkMessage(html, false);
    }
}
