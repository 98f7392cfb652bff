// Marks the contents link of the section being read with aria-current. Optional: the
// contents work fully without it, and it does nothing where a browser lacks the API.
const links = new Map<string, HTMLAnchorElement>();
for (const link of document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')) {
  links.set(decodeURIComponent(link.hash.slice(1)), link);
}
const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((heading) => heading !== null);

if (headings.length > 0 && 'IntersectionObserver' in window) {
  const visible = new Set<Element>();
  const mark = (): void => {
    // The first heading on screen, or the last one scrolled past.
    const current =
      headings.find((heading) => visible.has(heading)) ?? headings.filter((heading) => heading.getBoundingClientRect().top < 0).at(-1);
    for (const [id, link] of links) {
      if (current?.id === id) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) visible.add(entry.target);
      else visible.delete(entry.target);
    }
    mark();
  });
  for (const heading of headings) observer.observe(heading);
}
