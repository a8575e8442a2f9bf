/// The XML Schema every file in `forms/` must satisfy; `seleksi schema form` prints it for editors.
public enum FormSchema {
    public static let xsd = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- Seleksi form definition, version 1. Semantic rules (known fields, choice lists, expressions)
     are checked after this schema by `seleksi check`. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:simpleType name="Id">
    <xs:restriction base="xs:string"><xs:pattern value="[a-z][a-z0-9_]*"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="DefinitionId">
    <xs:restriction base="xs:string"><xs:pattern value="[a-z][a-z0-9_]*"/></xs:restriction>
  </xs:simpleType>
  <xs:complexType name="Text">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="lang" use="required">
          <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="id"/><xs:enumeration value="en"/></xs:restriction></xs:simpleType>
        </xs:attribute>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:simpleType name="FieldType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="text"/><xs:enumeration value="integer"/><xs:enumeration value="decimal"/>
      <xs:enumeration value="money"/><xs:enumeration value="boolean"/><xs:enumeration value="date"/>
      <xs:enumeration value="choice"/><xs:enumeration value="multiple-choice"/><xs:enumeration value="nik"/>
      <xs:enumeration value="npwp"/><xs:enumeration value="email"/><xs:enumeration value="phone"/>
      <xs:enumeration value="attachment"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="Constraint">
    <xs:sequence><xs:element name="message" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>The message when the constraint does not hold, in Indonesian and English.</xs:documentation></xs:annotation></xs:element></xs:sequence>
    <xs:attribute name="test" type="xs:string" use="required"/>
  </xs:complexType>
  <xs:complexType name="Field">
    <xs:sequence>
      <xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>The question, in Indonesian (lang="id", required) and English.</xs:documentation></xs:annotation></xs:element>
      <xs:element name="hint" type="Text" minOccurs="0" maxOccurs="2"><xs:annotation><xs:documentation>Help shown with the question.</xs:documentation></xs:annotation></xs:element>
      <xs:element name="constraint" type="Constraint" minOccurs="0" maxOccurs="unbounded"><xs:annotation><xs:documentation>A rule (test) the answer must satisfy; `.` is the field's value. On a calculated field it is checked on the value computed.</xs:documentation></xs:annotation></xs:element>
    </xs:sequence>
    <xs:attribute name="id" type="Id" use="required"/>
    <xs:attribute name="type" type="FieldType" use="required"/>
    <xs:attribute name="required" type="xs:boolean" default="false"/>
    <xs:attribute name="relevant" type="xs:string"/>
    <xs:attribute name="calculate" type="xs:string"/>
    <xs:attribute name="readonly" type="xs:boolean" default="false"/>
    <xs:attribute name="filled-by" default="applicant">
      <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="applicant"/><xs:enumeration value="rater"/></xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="choices" type="Id"/>
    <!-- Personal data (address, birth date, bank account): erased on request, left out of exports.
         Fields of type nik, npwp, phone and email are personal whatever this says. -->
    <xs:attribute name="personal" type="xs:boolean" default="false"/>
  </xs:complexType>
  <xs:complexType name="Repeat">
    <xs:sequence>
      <xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>The name of the table of rows.</xs:documentation></xs:annotation></xs:element>
      <xs:element name="field" type="Field" minOccurs="1" maxOccurs="unbounded"><xs:annotation><xs:documentation>A column of the repeat's rows.</xs:documentation></xs:annotation></xs:element>
    </xs:sequence>
    <xs:attribute name="id" type="Id" use="required"/>
    <xs:attribute name="min" type="xs:nonNegativeInteger" default="0"/>
    <xs:attribute name="max" type="xs:positiveInteger"/>
    <xs:attribute name="relevant" type="xs:string"/>
  </xs:complexType>
  <xs:element name="form">
    <xs:annotation><xs:documentation>A form: what people fill and the rules the answers obey. id; version; rating="independent": a rater's sheet (each actor once per instance, blind until he has given his own).</xs:documentation></xs:annotation>
    <xs:complexType>
      <xs:sequence>
        <xs:element name="title" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>The form's name, in Indonesian (lang="id", required) and English.</xs:documentation></xs:annotation></xs:element>
        <xs:element name="note" type="Text" minOccurs="0" maxOccurs="unbounded"><xs:annotation><xs:documentation>The reason behind a rule, for readers; ignored by the engine.</xs:documentation></xs:annotation></xs:element>
        <xs:element name="choices" minOccurs="0" maxOccurs="unbounded">
          <xs:annotation><xs:documentation>A list of values for choice and multiple-choice fields.</xs:documentation></xs:annotation>
          <xs:complexType>
            <xs:sequence>
              <xs:element name="choice" minOccurs="1" maxOccurs="unbounded">
                <xs:annotation><xs:documentation>One value, with its labels.</xs:documentation></xs:annotation>
                <xs:complexType>
                  <xs:sequence><xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"><xs:annotation><xs:documentation>What people read for the value.</xs:documentation></xs:annotation></xs:element></xs:sequence>
                  <xs:attribute name="value" type="xs:string" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="id" type="Id" use="required"/>
          </xs:complexType>
        </xs:element>
        <xs:choice minOccurs="1" maxOccurs="unbounded">
          <xs:element name="field" type="Field"><xs:annotation><xs:documentation>An answer. type; required; relevant (asked only when true); calculate (computed, never typed); readonly; filled-by="rater"; choices (a list id); personal (erased on request).</xs:documentation></xs:annotation></xs:element>
          <xs:element name="repeat" type="Repeat"><xs:annotation><xs:documentation>A table of rows (min, max), whose fields are its columns; relevant (asked only when true).</xs:documentation></xs:annotation></xs:element>
        </xs:choice>
      </xs:sequence>
      <xs:attribute name="id" type="DefinitionId" use="required"/>
      <xs:attribute name="version" type="xs:string" use="required"/>
      <!-- independent: each actor submits at most once per instance and sees no one else's
           submission before his own (a rater's scoring sheet). -->
      <xs:attribute name="rating">
        <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="independent"/></xs:restriction></xs:simpleType>
      </xs:attribute>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""#
}
