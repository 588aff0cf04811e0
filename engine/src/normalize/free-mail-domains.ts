// Mailbox providers whose addresses say nothing about the holder's company (`gmail.com`, `gmx.de`).

/** Registrable domains of free, ISP and disposable mailbox providers, in punycode. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(
  [
    // Global providers
    'gmail.com googlemail.com icloud.com me.com mac.com msn.com passport.com aol.com aim.com',
    'ymail.com rocketmail.com proton.me protonmail.com protonmail.ch pm.me tutanota.com tutanota.de',
    'tutamail.com tuta.io tuta.com zoho.com zohomail.com zohomail.eu fastmail.com fastmail.fm hey.com',
    'mail.com email.com usa.com post.com hushmail.com lycos.com excite.com inbox.com gmx.com',
    'mailbox.org posteo.de posteo.net runbox.com',
    // North American ISPs
    'comcast.net att.net verizon.net sbcglobal.net bellsouth.net ameritech.net pacbell.net prodigy.net',
    'cox.net charter.net earthlink.net juno.com netzero.net frontier.com frontiernet.net windstream.net',
    'optonline.net roadrunner.com rr.com centurylink.net q.com embarqmail.com shaw.ca rogers.com',
    'sympatico.ca videotron.ca telus.net bell.net',
    // Europe
    'web.de t-online.de freenet.de arcor.de online.de email.de orange.fr free.fr laposte.net sfr.fr',
    'wanadoo.fr neuf.fr bbox.fr libero.it alice.it tiscali.it virgilio.it tin.it btinternet.com sky.com',
    'virginmedia.com ntlworld.com talktalk.net blueyonder.co.uk seznam.cz centrum.cz wp.pl o2.pl',
    'onet.pl interia.pl mail.ru bk.ru list.ru inbox.ru rambler.ru ya.ru ukr.net telenet.be skynet.be',
    'ziggo.nl kpnmail.nl planet.nl home.nl bluewin.ch hispeed.ch',
    // Asia-Pacific and Latin America
    'qq.com 163.com 126.com 139.com yeah.net foxmail.com sina.com sina.cn sohu.com aliyun.com naver.com',
    'daum.net hanmail.net rediffmail.com bigpond.com bigpond.net.au optusnet.com.au iinet.net.au',
    'xtra.co.nz bol.com.br uol.com.br terra.com.br ig.com.br',
    // Disposable addresses
    'mailinator.com guerrillamail.com sharklasers.com 10minutemail.com yopmail.com temp-mail.org',
    'trashmail.com dispostable.com',
  ].flatMap((line) => line.split(' ')),
)

/**
 * Providers present under many country domains (`yahoo.co.uk`, `hotmail.fr`, `gmx.at`): any registrable
 * domain whose name part is one of these is free mail.
 */
export const FREE_MAIL_BRANDS: ReadonlySet<string> = new Set([
  'yahoo',
  'hotmail',
  'outlook',
  'live',
  'windowslive',
  'gmx',
  'yandex',
  'aol',
])
