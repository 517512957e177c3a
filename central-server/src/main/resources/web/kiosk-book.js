// The kiosk home's way to the booking page (issue 20): the same page a phone uses, told it runs on the
// kiosk so it offers the way back and returns home by itself.
Object.assign(STRINGS.sq, { choiceBook: 'Rezervo një takim' });
Object.assign(STRINGS.en, { choiceBook: 'Book an appointment' });
document.getElementById('goBook').addEventListener('click', () => {
  location.assign('/book/' + encodeURIComponent(branch) + '?kiosk=1');
});
setLang(lang);
