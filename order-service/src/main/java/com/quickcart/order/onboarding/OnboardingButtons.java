package com.quickcart.order.onboarding;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** Onboarding asks three optional questions; each can be skipped. */
public final class OnboardingButtons {

    @ButtonData("skip")
    public record Skip() implements Button {
        @Override
        public boolean keepsAwaitedInput() {
            return true;
        }
    }

    private OnboardingButtons() {
    }
}
