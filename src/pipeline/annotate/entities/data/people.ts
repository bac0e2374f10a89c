/**
 * Curated lexicon of people who recur in international-security news: heads of state and
 * government, foreign and defence ministers, security officials, heads of international
 * organisations and armed groups (as of 2024, with recent predecessors).
 * Source: compiled by hand from public knowledge (official government and organisation pages,
 * Wikipedia lists of current heads of state/government). Facts only; no copyrighted text. MIT.
 *
 * One line per person: `Canonical Name ; spelling variants ; short forms safe on their own`.
 * Short forms are surnames distinctive enough to name the person anywhere ("Putin"); other
 * surnames are resolved only as back-references inside an article that names the person in full.
 */
export const PEOPLE_DATA = `
Vladimir Putin ; Vladimir Vladimirovich Putin ; Putin
Dmitry Medvedev ; Dmitri Medvedev ; Medvedev
Sergei Lavrov ; Sergey Lavrov ; Lavrov
Sergei Shoigu ; Sergey Shoigu ; Shoigu
Andrei Belousov ; Andrey Belousov ; Belousov
Valery Gerasimov ; Valeriy Gerasimov ; Gerasimov
Dmitry Peskov ; Dmitri Peskov ; Peskov
Maria Zakharova ; ; Zakharova
Mikhail Mishustin ; ; Mishustin
Nikolai Patrushev ; Nikolay Patrushev ; Patrushev
Yevgeny Prigozhin ; Yevgeniy Prigozhin, Evgeny Prigozhin ; Prigozhin
Ramzan Kadyrov ; ; Kadyrov
Alexei Navalny ; Alexey Navalny ; Navalny
Alexander Lukashenko ; Aleksandr Lukashenko, Alyaksandr Lukashenka ; Lukashenko
Volodymyr Zelensky ; Volodymyr Zelenskyy, Volodymyr Zelenskiy, Vladimir Zelensky ; Zelensky, Zelenskyy, Zelenskiy
Dmytro Kuleba ; ; Kuleba
Andrii Sybiha ; Andriy Sybiha ; Sybiha
Rustem Umerov ; ; Umerov
Oleksii Reznikov ; Oleksiy Reznikov ; Reznikov
Valerii Zaluzhnyi ; Valery Zaluzhny ; Zaluzhnyi, Zaluzhny
Oleksandr Syrskyi ; Oleksandr Syrsky ; Syrskyi, Syrsky
Kyrylo Budanov ; ; Budanov
Andriy Yermak ; Andrii Yermak ; Yermak
Kim Jong Un ; Kim Jong-un, Kim Jong-Un, Kim Jongun ;
Kim Yo Jong ; Kim Yo-jong, Kim Yo-Jong ;
Kim Il Sung ; Kim Il-sung ;
Kim Jong Il ; Kim Jong-il ;
Choe Son Hui ; Choe Son-hui ;
Pak Jong Chon ; Pak Jong-chon ;
No Kwang Chol ; No Kwang-chol ;
Kang Sun Nam ; Kang Sun-nam ;
Yoon Suk Yeol ; Yoon Suk-yeol ;
Moon Jae-in ; Moon Jae In ;
Han Duck-soo ; Han Duck Soo ;
Park Jin ; ;
Cho Tae-yul ; Cho Tae Yul ;
Shin Won-sik ; Shin Won Sik ;
Lee Jong-sup ; Lee Jong Sup ;
Lee Jae-myung ; Lee Jae Myung ;
Xi Jinping ; ;
Li Qiang ; ;
Wang Yi ; ;
Dong Jun ; ;
Li Shangfu ; ;
Qin Gang ; ;
Mao Ning ; ;
Lin Jian ; ;
Wang Wenbin ; ;
Lai Ching-te ; William Lai, Lai Ching Te ;
Tsai Ing-wen ; Tsai Ing Wen ;
Fumio Kishida ; ; Kishida
Shigeru Ishiba ; ; Ishiba
Yoko Kamikawa ; ; Kamikawa
Yoshimasa Hayashi ; ;
Minoru Kihara ; ; Kihara
Joe Biden ; Joseph Biden, Joseph R. Biden, Joseph R. Biden Jr., Joe Biden Jr. ; Biden
Kamala Harris ; ;
Donald Trump ; Donald J. Trump ; Trump
Barack Obama ; ; Obama
Mike Pence ; ; Pence
JD Vance ; J.D. Vance ; Vance
Antony Blinken ; Anthony Blinken, Tony Blinken ; Blinken
Mike Pompeo ; ; Pompeo
Marco Rubio ; ; Rubio
Lloyd Austin ; Lloyd J. Austin, Lloyd J. Austin III ;
Pete Hegseth ; ; Hegseth
Jake Sullivan ; ;
John Kirby ; ;
Matthew Miller ; ;
Karine Jean-Pierre ; ; Jean-Pierre
Linda Thomas-Greenfield ; ; Thomas-Greenfield
William Burns ; Bill Burns ;
Avril Haines ; ;
Christopher Wray ; ;
Mark Milley ; ;
Charles Q. Brown ; Charles Brown, CQ Brown ;
Kurt Campbell ; ;
Sung Kim ; ;
Philip Goldberg ; ;
Nancy Pelosi ; ; Pelosi
Mike Johnson ; ;
Chuck Schumer ; ; Schumer
Mitch McConnell ; ; McConnell
Rishi Sunak ; ; Sunak
Keir Starmer ; ; Starmer
David Cameron ; ;
David Lammy ; ; Lammy
Boris Johnson ; ;
Grant Shapps ; ; Shapps
John Healey ; ;
Emmanuel Macron ; ; Macron
Jean-Noel Barrot ; Jean-Noël Barrot ;
Stephane Sejourne ; Stéphane Séjourné ;
Sebastien Lecornu ; Sébastien Lecornu ; Lecornu
Olaf Scholz ; ; Scholz
Annalena Baerbock ; ; Baerbock
Boris Pistorius ; ; Pistorius
Friedrich Merz ; ; Merz
Giorgia Meloni ; ; Meloni
Antonio Tajani ; ; Tajani
Pedro Sanchez ; Pedro Sánchez ;
Donald Tusk ; ; Tusk
Andrzej Duda ; ;
Radoslaw Sikorski ; Radosław Sikorski ; Sikorski
Viktor Orban ; Viktor Orbán ; Orban, Orbán
Recep Tayyip Erdogan ; Recep Tayyip Erdoğan, Tayyip Erdogan ; Erdogan, Erdoğan
Hakan Fidan ; ;
Jens Stoltenberg ; ; Stoltenberg
Mark Rutte ; ; Rutte
Ursula von der Leyen ; ; von der Leyen
Charles Michel ; ;
Josep Borrell ; ; Borrell
Kaja Kallas ; ; Kallas
Antonio Costa ; António Costa ;
Antonio Guterres ; António Guterres ; Guterres
Stephane Dujarric ; Stéphane Dujarric ; Dujarric
Rafael Grossi ; Rafael Mariano Grossi ; Grossi
Volker Turk ; Volker Türk ;
Tedros Adhanom Ghebreyesus ; Tedros Adhanom ; Tedros
Karim Khan ; ;
Benjamin Netanyahu ; Binyamin Netanyahu, Bibi Netanyahu ; Netanyahu
Yoav Gallant ; ; Gallant
Israel Katz ; ;
Benny Gantz ; ; Gantz
Isaac Herzog ; ; Herzog
Herzi Halevi ; ; Halevi
Daniel Hagari ; ; Hagari
Itamar Ben-Gvir ; Itamar Ben Gvir ; Ben-Gvir
Bezalel Smotrich ; ; Smotrich
Mahmoud Abbas ; ;
Mohammad Mustafa ; ;
Ismail Haniyeh ; Ismail Haniya ; Haniyeh
Yahya Sinwar ; ; Sinwar
Mohammed Deif ; Mohammed Dief ; Deif
Khaled Meshaal ; Khaled Mashal ;
Hassan Nasrallah ; ; Nasrallah
Naim Qassem ; Naim Qassim ;
Abdul-Malik al-Houthi ; Abdul Malik al-Houthi ;
Ali Khamenei ; Ayatollah Ali Khamenei ; Khamenei
Ebrahim Raisi ; Ibrahim Raisi ; Raisi
Masoud Pezeshkian ; ; Pezeshkian
Hossein Amir-Abdollahian ; Hossein Amirabdollahian ; Amir-Abdollahian
Abbas Araghchi ; ; Araghchi
Qassem Soleimani ; Qasem Soleimani ; Soleimani
Bashar al-Assad ; Bashar Assad, Bashar al Assad ; Assad
Ahmed al-Sharaa ; Abu Mohammed al-Jolani, Abu Mohammad al-Julani ; Jolani
Mohammed bin Salman ; Mohammad bin Salman, MBS ;
Faisal bin Farhan ; ;
Abdel Fattah el-Sisi ; Abdel Fattah al-Sisi, Abdel-Fattah el-Sissi ; Sisi
Abdullah II ; King Abdullah II ;
Sheikh Mohammed bin Abdulrahman Al Thani ; Mohammed bin Abdulrahman Al Thani ;
Tamim bin Hamad Al Thani ; Sheikh Tamim ;
Mohamed bin Zayed ; Mohammed bin Zayed, Mohamed bin Zayed Al Nahyan ;
Najib Mikati ; ; Mikati
Mohammed Shia al-Sudani ; Mohammed Shia al Sudani ;
Shehbaz Sharif ; ;
Imran Khan ; ;
Asim Munir ; ;
Narendra Modi ; ; Modi
Subrahmanyam Jaishankar ; S. Jaishankar ; Jaishankar
Rajnath Singh ; ;
Hibatullah Akhundzada ; Haibatullah Akhundzada ; Akhundzada
Abdel Fattah al-Burhan ; Abdel-Fattah Burhan, Abdel Fattah Burhan ; Burhan
Mohamed Hamdan Dagalo ; Mohamed Hamdan Dagalo Hemedti, Hemedti ; Dagalo, Hemedti
Abiy Ahmed ; ;
William Ruto ; ; Ruto
Bola Tinubu ; Bola Ahmed Tinubu ; Tinubu
Assimi Goita ; Assimi Goïta ; Goita, Goïta
Ibrahim Traore ; Ibrahim Traoré ; Traore, Traoré
Abdourahamane Tiani ; Abdourahamane Tchiani ; Tiani, Tchiani
Mohamed Bazoum ; ; Bazoum
Mahamat Idriss Deby ; Mahamat Idriss Déby, Mahamat Deby ;
Iyad Ag Ghaly ; ;
Khalifa Haftar ; ; Haftar
Abdelmadjid Tebboune ; ; Tebboune
Cyril Ramaphosa ; ; Ramaphosa
Paul Kagame ; ; Kagame
Felix Tshisekedi ; Félix Tshisekedi ; Tshisekedi
Luiz Inacio Lula da Silva ; Luiz Inácio Lula da Silva, Lula da Silva ; Lula
Javier Milei ; ; Milei
Nicolas Maduro ; Nicolás Maduro ; Maduro
Gustavo Petro ; ;
Andres Manuel Lopez Obrador ; Andrés Manuel López Obrador ; Obrador
Claudia Sheinbaum ; ; Sheinbaum
Justin Trudeau ; ; Trudeau
Anthony Albanese ; ; Albanese
Richard Marles ; ; Marles
Penny Wong ; ;
Christopher Luxon ; ;
Ferdinand Marcos Jr. ; Ferdinand Marcos, Bongbong Marcos ;
Prabowo Subianto ; ; Prabowo
Joko Widodo ; Jokowi ; Widodo, Jokowi
Anwar Ibrahim ; ;
Min Aung Hlaing ; ;
Aung San Suu Kyi ; ; Suu Kyi
Hun Manet ; ;
Pham Minh Chinh ; ;
To Lam ; Tô Lâm ;
Kassym-Jomart Tokayev ; ; Tokayev
Ilham Aliyev ; ; Aliyev
Nikol Pashinyan ; ; Pashinyan
Maia Sandu ; ; Sandu
Pope Francis ; ;
Abu Bakr al-Baghdadi ; ; Baghdadi
Ayman al-Zawahiri ; ; Zawahiri
Osama bin Laden ; ; bin Laden
`;
