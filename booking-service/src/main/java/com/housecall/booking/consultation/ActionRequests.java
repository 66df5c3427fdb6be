package com.housecall.booking.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.housecall.booking.consultation.ConsultationRequest.Window;
import java.util.List;

/** Bodies of the action endpoints of CONTRACT.md section 4. */
final class ActionRequests {

    private ActionRequests() {
    }

    /** {@code PUT /api/consultations/{id}/preferred-windows}. */
    record PreferredWindows(@NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Window> preferredWindows) {
    }

    /** {@code POST /api/consultations/{id}/phq9}: a fresh PHQ-9 before a maintenance block. */
    record FreshPhq9(@NotNull @Size(min = 9, max = 9) List<@NotNull @Min(0) @Max(3) Integer> phq9) {
    }

    /** {@code PUT /api/consultations/{id}/contact} (DECISIONS 37): how the patient wants to be reached from now on. */
    record ContactChoices(
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be a phone number in E.164 form") String phone,
            @NotNull @Size(min = 1, max = 2) List<ConsultationRequest.@NotNull Channel> preferredChannels,
            @NotNull @Valid ChannelConsent consent) {
    }

    record ChannelConsent(@NotNull Boolean sms, @NotNull Boolean email) {

        boolean allows(ConsultationRequest.Channel channel) {
            return channel == ConsultationRequest.Channel.SMS ? sms : email;
        }
    }
}
