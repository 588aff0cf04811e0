import { describe, expect, it } from 'vitest'
import { decodeHtmlEntities, htmlToText } from './html-text.ts'

describe('htmlToText', () => {
  it('does turn paragraphs and line breaks into lines', () => {
    expect(htmlToText('<p>Customer wants to migrate.</p><p>Budget: 5k/month.</p>')).toBe(
      'Customer wants to migrate.\nBudget: 5k/month.',
    )
    expect(htmlToText('Line one<br>Line two<br/>Line three<BR />Line four')).toBe(
      'Line one\nLine two\nLine three\nLine four',
    )
    expect(htmlToText('<div>First</div><div>Second</div>')).toBe('First\nSecond')
    expect(htmlToText('<h2>Scope</h2>Migrate the ERP')).toBe('Scope\nMigrate the ERP')
  })

  it('does turn list items into bullets', () => {
    expect(htmlToText('<p>Needs:</p><ul><li>EKS</li><li>RDS <b>Aurora</b></li></ul>')).toBe(
      'Needs:\n• EKS\n• RDS Aurora',
    )
    expect(htmlToText('<ol>\n  <li>One</li>\n  <li>Two</li>\n</ol>')).toBe('• One\n• Two')
  })

  it('does strip other tags, keeping their text', () => {
    expect(htmlToText('<p>See <a href="https://acme.com">the <em>site</em></a>.</p>')).toBe('See the site.')
    expect(htmlToText('<p style="margin:0"><span class="x">Hello</span> <strong>world</strong></p>')).toBe(
      'Hello world',
    )
    expect(htmlToText('<img src="x.png" alt="logo">Text')).toBe('Text')
  })

  it('does separate table cells and rows', () => {
    expect(
      htmlToText('<table><tr><td>EC2</td><td>$1,200</td></tr><tr><td>S3</td><td>$80</td></tr></table>'),
    ).toBe('EC2 $1,200\nS3 $80')
  })

  it('does drop scripts, styles and comments entirely', () => {
    expect(
      htmlToText('<style>p { color: red }</style><p>Visible</p><script>alert(1)</script><!-- note -->'),
    ).toBe('Visible')
    expect(htmlToText('<p>Before</p><!-- unterminated comment')).toBe('Before')
  })

  it('does decode named and numeric entities after removing tags', () => {
    expect(htmlToText('<p>R&amp;D &ndash; caf&eacute; &#8364;5 &#x2713; &quot;ok&quot;</p>')).toBe(
      'R&D – café €5 ✓ "ok"',
    )
    expect(htmlToText('<p>&lt;b&gt;not bold&lt;/b&gt;</p>')).toBe('<b>not bold</b>')
    expect(htmlToText('<p>Fish&nbsp;&amp;&nbsp;Chips</p>')).toBe('Fish & Chips')
  })

  it('does collapse whitespace and blank lines', () => {
    expect(htmlToText('<p>  Many    spaces\n\n and\ttabs </p>\n\n<p></p><p>&nbsp;</p><p>End</p>')).toBe(
      'Many spaces and tabs\nEnd',
    )
  })

  it('does keep plain text as it is, with its line breaks', () => {
    expect(htmlToText('Call on Monday.\r\nThen send the quote.')).toBe(
      'Call on Monday.\nThen send the quote.',
    )
    expect(htmlToText('AT&T wants 3 < 5 nodes')).toBe('AT&T wants 3 < 5 nodes')
    expect(htmlToText('Price  in  USD\n\n\nNext line')).toBe('Price in USD\nNext line')
  })

  it('does return an empty string for null, undefined and empty markup', () => {
    expect(htmlToText(null)).toBe('')
    expect(htmlToText(undefined)).toBe('')
    expect(htmlToText('')).toBe('')
    expect(htmlToText('<p><br></p>')).toBe('')
  })
})

describe('decodeHtmlEntities', () => {
  it('does decode common named entities in any case', () => {
    expect(decodeHtmlEntities('&amp; &lt; &gt; &quot; &apos; &hellip; &rsquo; &AMP;')).toBe(
      '& < > " \' … ’ &',
    )
    expect(decodeHtmlEntities('M&uuml;ller &Uuml;ber Stra&szlig;e')).toBe('Müller Über Straße')
  })

  it('does decode decimal and hexadecimal references, replacing impossible ones', () => {
    expect(decodeHtmlEntities('&#65;&#x42;&#X43; &#128512;')).toBe('ABC 😀')
    expect(decodeHtmlEntities('&#0; &#xD800; &#x110000;')).toBe('\ufffd \ufffd \ufffd')
  })

  it('does leave unknown entities and bare ampersands alone', () => {
    expect(decodeHtmlEntities('&unknown; Q&A &amp')).toBe('&unknown; Q&A &amp')
  })
})
