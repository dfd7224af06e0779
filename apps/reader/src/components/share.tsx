/**
 * Share: plain links that work with JavaScript off and no third-party script; the island in
 * client/share.ts adds the Web Share API where the browser has it, and copy-link.
 */
export function Share({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links = [
    { label: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { label: 'Email', href: `mailto:?subject=${t}&body=${u}` },
  ];
  return (
    <section className="share" aria-label="Share this article" data-share="" data-url={url} data-title={title}>
      <h2 className="share__title">Share</h2>
      <button type="button" className="share__native" data-share-native="" hidden>
        Share…
      </button>
      <ul className="share__links">
        {links.map((link) => (
          <li key={link.label}>
            <a href={link.href} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>
          </li>
        ))}
        <li>
          <button type="button" data-share-copy="" hidden>
            Copy link
          </button>
          <span className="share__status" role="status" aria-live="polite" data-share-status="" />
        </li>
      </ul>
    </section>
  );
}
