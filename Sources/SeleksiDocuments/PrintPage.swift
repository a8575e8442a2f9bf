/// The HTML page around a document's body: A4 with the margins of Indonesian official letters (left 3 cm
/// for binding), Times New Roman 12 pt, page numbers at the foot of every page (CSS paged-media margin
/// boxes, which headless Chromium prints), and the layout blocks the templates use (`MarkdownLayout`).
enum PrintPage {
    static func html(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <title>\(title)</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let css = """
        @page { size: A4; margin: 2cm 2cm 2.2cm 3cm;
          @bottom-center { content: counter(page); font-family: "Times New Roman", "Liberation Serif", serif;
            font-size: 10pt; } }
        html { font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 12pt; line-height: 1.35; }
        body { max-width: 16cm; margin: 0 auto; }
        @media print { body { max-width: none; } }
        p { margin: 0.35em 0; text-align: justify; }
        h1, h2, h3 { text-align: center; font-size: 12pt; margin: 0.3em 0; }
        h1 { font-size: 13pt; }
        h1, h2, .judul strong { text-transform: uppercase; }
        ol, ul { margin: 0.2em 0 0.2em 0; padding-left: 1.4em; }
        li { margin: 0.1em 0; text-align: justify; }
        table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 11pt; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        th, td { border: 1px solid #000; padding: 2px 5px; vertical-align: top; }
        th { text-align: center; }
        .kop { text-align: center; border-bottom: 3px double #000; padding-bottom: 0.25em; margin-bottom: 0.8em;
          line-height: 1.2; }
        .kop p { text-align: center; margin: 0; }
        .kop p:first-child { font-size: 12pt; }
        .kop strong { font-size: 13pt; }
        .kop em { font-style: normal; font-size: 10pt; }
        .judul { text-align: center; margin: 0.6em 0; break-after: avoid; }
        .judul p { text-align: center; margin: 0.1em 0; }
        .bagian { display: grid; grid-template-columns: 3.6cm 1fr; margin: 0.4em 0; }
        .bagian > p:first-child { grid-column: 1; grid-row: 1 / span 9; margin: 0.1em 0; }
        .bagian > p:first-child::after { content: ":"; float: right; padding-right: 0.3em; }
        .bagian > :not(:first-child) { grid-column: 2; }
        .bagian > ol, .bagian > ul { margin-top: 0.1em; }
        .huruf ol { list-style-type: lower-alpha; }
        .pasal h3, h3.pasal { margin-top: 0.9em; }
        .identitas { margin: 0.4em 0 0.4em 1cm; }
        .identitas p { margin: 0.05em 0; text-align: left; }
        .ttd { margin: 1.2em 0 0 55%; break-inside: avoid; }
        .ttd p { text-align: left; margin: 0.05em 0; }
        .ttd .nama { margin-top: 2.2cm; }
        .ttd .nama p:first-child { font-weight: bold; text-decoration: underline; }
        .ttd-dua { display: flex; justify-content: space-between; margin-top: 1.2em; break-inside: avoid; }
        .ttd-dua .ttd { margin: 0; width: 45%; }
        .ttd-tim { break-inside: avoid; margin-top: 0.8em; }
        .ttd-tim ol li { margin: 0.9em 0; }
        .tembusan { margin-top: 1.5em; font-size: 11pt; break-inside: avoid; }
        .tembusan p { text-align: left; }
        .lampiran { break-before: page; }
        .lampiran-kepala { margin-left: 50%; }
        .lampiran-kepala p { text-align: left; margin: 0; }
        .catatan { font-size: 10.5pt; margin-top: 1em; }
        .catatan p { text-align: left; overflow-wrap: anywhere; }
        """
}
