-- One row per phone that books appointments: its lock makes one phone's parallel bookings, for any service or
-- centre, count one after another, so the limit of appointments per phone holds (AppointmentService.book).
CREATE TABLE appointment_phone_guards (
    phone  VARCHAR(30) PRIMARY KEY
);
