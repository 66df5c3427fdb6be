-- A cancel from booking.events.v1 may overtake its visit's request on booking.locations.v1 (two topics): the visit
-- or consultation id is kept here so a request that arrives later is never booked (DECISIONS 16 and 19).
CREATE TABLE booking_cancellation (
    cancelled_id UUID                     PRIMARY KEY,
    cancelled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- BookingCancellationPurge forgets them, oldest first, once nothing can deliver their request again.
CREATE INDEX booking_cancellation_cancelled_at ON booking_cancellation (cancelled_at);
