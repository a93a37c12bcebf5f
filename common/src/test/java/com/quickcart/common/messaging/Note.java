package com.quickcart.common.messaging;

import com.quickcart.common.events.EventContract;

@EventContract(type = "TestNote")
record Note(String text) {
}
