// The seed article of the welcome feed: a WordPress news page as Paperboy stores it. Its comment
// section is the app's own, under the article (the page's copy of it would show it twice). Written from the sample article the app was designed around, so
// the first launch has a real article to read with no network at all.
export const SEED_ARTICLE = {
  title: "NATO is in security dialogue with Russia, despite the main differences",
  author: null,
  publishedAt: Date.UTC(2022, 0, 13, 9, 0),
  html: `<p>Yesterday, NATO Secretary General Jens Stoltenberg said that “main differences” with Moscow still exist over security in Europe, but the alliance’s member states are open to dialogue with it.</p>
<p>“The talks were not easy,” Stoltenberg said at the conclusion of the meeting of the “NATO” Council with Russia that lasted for more than three hours at the alliance’s headquarters in Brussels and was attended by Alexander Grushko, Deputy Russian Foreign Minister. The exchanges were frank about the situation in Ukraine and we recorded major differences on security in Europe.”</p>
<p>The United States and its European allies have held talks with Moscow with the aim of sparing the region what Washington sees as a Russian threat to invade Ukraine, but Moscow has shown no signs of appeasement at this stage.</p>
<p>The meeting came within the framework of follow-up talks on security guarantees between Russia and the United States, which were held on January 9 and 10 in Geneva. US Deputy Secretary of State Wendy Sherman represented the United States at this meeting, while France sent Francois Delattre, director general of the French Foreign Ministry.</p>
<p>Russia has demanded broad reassurances from Washington and its allies, including concrete guarantees that Ukraine will not join NATO. “It is still too early to say whether or not the Russians are serious about the diplomatic track or if they are willing to negotiate seriously,” White House spokeswoman Jen Psaki said. And she added, “NATO’s relationship with Ukraine is an issue that concerns only Ukraine and the 30 allies within NATO, and does not concern other countries.”</p>
<p>Washington assured Moscow that it does not intend to deploy offensive weapons in Ukraine, but it denied that it has any intention of disarming Europe, according to the European diplomat.</p>
<p>Meanwhile, US Under Secretary of State for Political Affairs Victoria Nuland stated that Russia had prepared a plan for internal destabilization in Ukraine.</p>
<p>It accused Moscow of being the one who released misinformation and lies about Ukraine, the United States and NATO to justify its actions.</p>
<p>On the other hand, the Kremlin said that Russia does not issue ultimatums in its negotiations with the West, but it needs satisfactory answers regarding its security concerns.</p>
<p>“The situation has reached a critical point in terms of security in Europe and the national interests of our country,” Kremlin spokesman Dmitry Peskov told reporters yesterday. “So we can’t delay any longer, and the concerns we have expressed need satisfactory answers.” Russia is ready to negotiate directly with Ukraine on the condition that existing agreements are fulfilled, Peskov said, adding that the live-fire and tank exercises conducted by Russian forces near the Ukrainian border yesterday are not related to the talks with NATO.</p>
<p>In response to a question about whether there is a relationship between Russian military exercises and consultations with NATO, Peskov said – in a statement carried by the Russian (Sputnik) news agency – that they are just normal training practices.</p>`,
};
