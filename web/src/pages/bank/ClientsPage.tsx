import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { request } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { TextField } from '../../components/Field';
import { Pager, type PageCursor } from '../../components/Pager';
import { Loaded } from '../../components/Status';
import { BankClientsDocument, type BankClientsQuery, type BankClientsQueryVariables } from '../../generated/graphql';
import { messages, useFormat, useLanguage } from '../../i18n';
import { useLabel } from '../../labels';

const PAGE_SIZE = 20;

const useText = messages({
  title: ['我的客户', 'My clients'],
  intro: [
    '已向本行出具有效数据授权的企业。授权范围与有效期为本行据以查看该企业的最新一份授权。',
    'The enterprises holding an authorization for this bank in force today; scopes and validity are those of the newest one, which this bank reads them under.',
  ],
  search: ['搜索', 'Search'],
  searchHint: ['企业名称（中英文）或信用代码开头', 'Name (Chinese or English) or the start of the credit code'],
  find: ['查询', 'Search'],
  clear: ['清除', 'Clear'],
  list: ['授权客户', 'Authorizing clients'],
  name: ['企业名称', 'Enterprise'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  industry: ['产业领域', 'Industry'],
  park: ['所在园区', 'Park'],
  highTech: ['高新技术企业', 'High-tech'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  purpose: ['授权用途', 'Purpose'],
  scopes: ['授权范围', 'Scopes'],
  validFrom: ['生效日', 'Valid from'],
  validUntil: ['到期日', 'Valid until'],
});

type Client = BankClientsQuery['enterprises']['nodes'][number];

/** 我的客户: the enterprises that authorized the bank officer's bank, searched and paged both ways. */
export function ClientsPage() {
  const t = useText();
  const label = useLabel();
  const format = useFormat();
  const { language } = useLanguage();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [cursor, setCursor] = useState<PageCursor>({ first: PAGE_SIZE });
  const query = useQuery({
    queryKey: ['bank', 'clients', search, cursor],
    queryFn: () => {
      const variables: BankClientsQueryVariables = { filter: search ? { search } : null, ...cursor };
      return request(BankClientsDocument, variables);
    },
    placeholderData: keepPreviousData,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft.trim());
    setCursor({ first: PAGE_SIZE });
  };

  const scopes = (c: Client) => c.viewerAuthorization?.scopes.map((s) => label('AuthorizationScope', s)).join('、') ?? null;
  const columns: Column<Client>[] = [
    { header: t('name'), value: (c) => c.name, width: 36 },
    { header: t('creditCode'), value: (c) => c.creditCode, width: 22 },
    { header: t('industry'), value: (c) => label('Industry', c.industry) },
    { header: t('park'), value: (c) => (language === 'zh' ? c.park.name : (c.park.nameEn ?? c.park.name)), width: 24 },
    { header: t('highTech'), value: (c) => (c.isHighTech ? t('yes') : t('no')) },
    { header: t('purpose'), value: (c) => c.viewerAuthorization?.purpose ?? null, width: 24 },
    { header: t('validFrom'), value: (c) => format.date(c.viewerAuthorization?.validFrom) },
    { header: t('validUntil'), value: (c) => format.date(c.viewerAuthorization?.validUntil) },
    {
      header: t('scopes'),
      value: scopes,
      // The longest cell, last and wrapped, so the dates stay in view.
      render: (c) => <div style={{ whiteSpace: 'normal', minWidth: '12rem' }}>{scopes(c) ?? '—'}</div>,
      width: 40,
    },
  ];

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form className="filters" onSubmit={submit} role="search">
        <TextField label={t('search')} placeholder={t('searchHint')} value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={100} />
        <button type="submit">{t('find')}</button>
        {search && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft('');
              setSearch('');
              setCursor({ first: PAGE_SIZE });
            }}
          >
            {t('clear')}
          </button>
        )}
      </form>
      <Loaded query={query}>
        {(data) => (
          <DataTable
            title={t('list')}
            columns={columns}
            rows={data.enterprises.nodes}
            rowKey={(c) => c.id}
            footer={<Pager pageInfo={data.enterprises.pageInfo} totalCount={data.enterprises.totalCount} size={PAGE_SIZE} onPage={setCursor} />}
          />
        )}
      </Loaded>
    </div>
  );
}
