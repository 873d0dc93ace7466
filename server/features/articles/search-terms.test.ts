import { indexTerms, queryTerms } from './search-terms'

describe('index terms', () => {
  it('indexes a Chinese run as its characters and bigrams', () => {
    expect(indexTerms('托育机构').sort()).toEqual(['托', '育', '机', '构', '托育', '育机', '机构'].sort())
  })

  it('splits at punctuation and spaces, so no bigram spans two phrases', () => {
    const terms = indexTerms('托管，教育')
    expect(terms).toContain('托管')
    expect(terms).toContain('教育')
    expect(terms).not.toContain('管教')
  })

  it('lower-cases Latin words, folds full-width forms and keeps numbers', () => {
    expect(indexTerms('WiFi ＡＰＰ 2019年')).toEqual(expect.arrayContaining(['wifi', 'app', '2019', '年']))
  })

  it('keeps only letters and digits, so no term carries tsquery or SQL syntax', () => {
    for (const term of indexTerms("a & b | !c <-> 'd' :* (托育) \\ ; -- 'x'")) expect(term).toMatch(/^[\p{L}\p{N}]+$/u)
  })

  it('lists each term once', () => {
    expect(indexTerms('托育 托育 托育').filter((t) => t === '托育')).toHaveLength(1)
  })
})

describe('query terms', () => {
  it('needs every bigram of a Chinese run; a lone character stands for itself', () => {
    expect(queryTerms('托育机构')).toEqual(['托育', '育机', '机构'])
    expect(queryTerms('育')).toEqual(['育'])
  })

  it('takes each word of a multi-word query', () => {
    expect(queryTerms('普惠 补贴')).toEqual(['普惠', '补贴'])
    expect(queryTerms('App 托育')).toEqual(['app', '托育'])
  })

  it('finds nothing to look for in punctuation and quotes', () => {
    expect(queryTerms('"\'!&|:*()<->《》，。')).toEqual([])
  })
})
