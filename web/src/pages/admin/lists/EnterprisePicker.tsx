import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { request } from '../../../api';
import { TextField } from '../../../components/Field';
import { AdminListsEnterpriseChoicesDocument } from '../../../generated/graphql';
import { messages, useLanguage } from '../../../i18n';

const useText = messages({
  hint: ['输入名称后从列表中选择，或直接输入统一社会信用代码', 'Type a name and pick from the list, or enter the credit code'],
  notACode: ['请从列表中选择企业，或输入18位统一社会信用代码。', 'Pick an enterprise from the list, or enter its 18-character credit code.'],
});

/** A Unified Social Credit Code as the schema's CreditCode takes it (format only: the server checks the rest). */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The credit code a picker's text names, or null (empty, or not a code yet). */
export function pickedCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return CREDIT_CODE.test(code) ? code : null;
}

/**
 * An enterprise chosen by name or credit code: the text typed is searched (`enterprises(filter: { search })`) and the
 * matches offered in the input's list, each by its code, so choosing one puts its code in the field.
 */
export function EnterprisePicker(props: { label: string; value: string; onChange: (text: string) => void; error?: string | null; name?: string }) {
  const t = useText();
  const { language } = useLanguage();
  const listId = useId();
  const search = props.value.trim();
  const code = pickedCode(search);
  const choices = useQuery({
    queryKey: ['admin-lists', 'enterprise-choices', search],
    queryFn: () => request(AdminListsEnterpriseChoicesDocument, { search }),
    enabled: search.length > 0 && search.length <= 100,
  });
  const nodes = choices.data?.enterprises.nodes ?? [];
  const named = code ? nodes.find((e) => e.creditCode === code) : undefined;
  const nameOf = (e: { name: string; nameEn: string | null }) => (language === 'en' ? (e.nameEn ?? e.name) : e.name);
  const hint = named ? nameOf(named) : search && !code ? t('notACode') : !search ? t('hint') : undefined;
  return (
    <>
      <TextField
        label={props.label}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        list={listId}
        autoComplete="off"
        error={props.error}
        hint={hint}
      />
      <datalist id={listId}>
        {nodes.map((e) => (
          <option key={e.creditCode} value={e.creditCode}>
            {nameOf(e)}
          </option>
        ))}
      </datalist>
    </>
  );
}
