// The landing page at /: the public pages a citizen may open from anywhere.
Object.assign(STRINGS.sq, { homeIntro: 'Shërbimet e Sportel për klientët, pa u paraqitur në sportel:',
  homeTrack: 'Ndiqni ankesën ose aplikimin', homeTrackNote: 'Me kodin që morët në sportel ose online.',
  homeComplaint: 'Paraqitni një ankesë', homeComplaintNote: 'Online, në çdo kohë; merrni një kod për ta ndjekur.',
  homeTicket: 'Biletën e radhës e merrni në kioskën e qendrës; ajo ka një kod QR për ta ndjekur radhën në telefon.' });
Object.assign(STRINGS.en, { homeIntro: 'Sportel services for customers, without coming to a counter:',
  homeTrack: 'Track a complaint or application', homeTrackNote: 'With the code you got at the counter or online.',
  homeComplaint: 'File a complaint', homeComplaintNote: 'Online, at any time; you get a code to follow it.',
  homeTicket: 'Take a queue ticket at the centre’s kiosk; its QR code lets you follow the queue on your phone.' });

document.getElementById('langButton').addEventListener('click', () => {
  setLang(lang === 'sq' ? 'en' : 'sq');
  langButton();
});
setLang(lang);
langButton();
